package vn.khuyenhoc.registration;

import vn.khuyenhoc.shared.Keyset;

/**
 * What a list of registrations shows: one year, optionally one kind, one status and (in a commune's evaluation
 * list) one registering node; and where the page goes on from (keyset paging, {@link Keyset}).
 */
public record RegistrationFilter(int year, TitleKind kind, RegistrationStatus status, Long nodeId, Keyset.Cursor cursor) {

    public RegistrationFilter {
        cursor = cursor == null ? Keyset.Cursor.none() : cursor;
    }
}
