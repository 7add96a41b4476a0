package vn.khuyenhoc.orgunit;

import vn.khuyenhoc.shared.Staff;

/**
 * A feature's part of a node's page ({@code /units/{id}}): the unit page collects every bean implementing this, in
 * {@link #order()}, asks each for its model and renders its fragment with it. The feature owns its data and its
 * fragment; the unit page (and {@code orgunit}) knows neither, and templates call no beans.
 *
 * <p>A fragment is named {@code "<template> :: <fragment>"} and takes two parameters, the node ({@code unit}) and
 * the section's model ({@code section}).
 */
public interface UnitPageSection {

    /** Where on the page: among the node's action buttons, or as a section below its heading. */
    enum Place {
        ACTIONS, BODY
    }

    /** The order among the sections of the same place (lower first). */
    int order();

    Place place();

    /** The fragment, e.g. {@code "member/fragments :: unitLink"}. */
    String fragment();

    /**
     * The section's model for this node and user (the node is already resolved in the user's scope), or null to
     * leave the section out.
     *
     * @param year the page's {@code ?year=} when it names a year, else null
     */
    Object model(Staff staff, OrgUnitView unit, Integer year);

    /** A section as the template renders it. */
    record Shown(String fragment, Object model) {
    }
}
