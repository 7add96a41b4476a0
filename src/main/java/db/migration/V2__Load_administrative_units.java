package db.migration;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads the central node, the 34 provinces and the 3,321 communes (official codes, names and types after
 * the 2025 reorganisation) from the project's copy of the reference data in {@code reference/*.csv}.
 */
public class V2__Load_administrative_units extends BaseJavaMigration {

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (var central = connection.prepareStatement(
                "INSERT INTO org_unit (parent_id, level, kind, name, name_en) VALUES (NULL, 0, 'CENTRAL', ?, ?)")) {
            central.setString(1, "Hội Khuyến học Việt Nam");
            central.setString(2, "Viet Nam Association for Promoting Education");
            central.executeUpdate();
        }
        insert(connection, read("reference/provinces.csv"), 1, "PROVINCE",
                "(SELECT id FROM org_unit WHERE level = 0)", null);
        insert(connection, read("reference/communes.csv"), 2, "COMMUNE",
                "(SELECT id FROM org_unit WHERE level = 1 AND code = ?)", "province_code");
    }

    private static void insert(Connection connection, List<CSVRecord> rows, int level, String kind, String parent,
            String parentCodeColumn) throws SQLException {
        String sql = "INSERT INTO org_unit (parent_id, level, kind, admin_type, code, name, name_en) VALUES ("
                + parent + ", " + level + ", '" + kind + "', ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (CSVRecord row : rows) {
                int i = 1;
                if (parentCodeColumn != null) {
                    insert.setString(i++, row.get(parentCodeColumn));
                }
                insert.setString(i++, row.get("type"));
                insert.setString(i++, row.get("code"));
                insert.setString(i++, row.get("name_vi"));
                insert.setString(i, row.get("name_en"));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static List<CSVRecord> read(String resource) throws IOException {
        var in = V2__Load_administrative_units.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing reference data " + resource);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CSV.parse(reader).getRecords();
        }
    }
}
