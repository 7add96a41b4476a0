package vn.khuyenhoc.shared;

import java.util.List;

/**
 * What waits for the signed-in user, shown on their home page (their own node's page): "12 communes wait for your
 * approval", "your report was returned: …". A feature that has something to say implements this; the home page
 * lists what every implementation gives, without knowing the features.
 */
public interface HomeItems {

    List<Item> itemsFor(Staff staff);

    /**
     * One thing waiting: a message code and its arguments, where to act on it, and how urgent it is
     * ({@code info}, {@code warning}, {@code danger}: a Bootstrap alert colour).
     */
    record Item(String code, List<Object> args, String link, String urgency) {

        public Object[] argArray() {
            return args.toArray();
        }
    }
}
