package vn.khuyenhoc.orgunit;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The scaffolding of every page about one node: the node itself ({@code unit}) and its breadcrumbs
 * ({@code lineage}), which the layout's breadcrumbs fragment reads. Controllers call {@link #show} instead of
 * putting the two attributes themselves.
 */
@Component
public class UnitPageModel {

    private final OrgUnitService orgUnits;

    UnitPageModel(OrgUnitService orgUnits) {
        this.orgUnits = orgUnits;
    }

    /** Puts the node and its lineage in the model; returns the node for chaining. */
    public OrgUnitView show(Model model, OrgUnitView node) {
        model.addAttribute("unit", node);
        model.addAttribute("lineage", orgUnits.lineage(node));
        return node;
    }

    /** The same, with a lineage the page has already read (a dashboard kept in memory carries its own). */
    public OrgUnitView show(Model model, OrgUnitView node, List<OrgUnitView> lineage) {
        model.addAttribute("unit", node);
        model.addAttribute("lineage", lineage);
        return node;
    }
}
