package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.casepath.people.PersonNames;

/**
 * The people V14 moved across from `child`: their names' search keys (Double Metaphone, made in
 * Java as every later name's are, by PersonNames) and their address as the person holds it (one
 * line, the child's free text; the postcode is not taken apart from it).
 */
public class V15__person_name_keys extends BaseJavaMigration {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement read = connection.createStatement();
             ResultSet people = read.executeQuery("select p.person_id, p.first_name, p.last_name, c.address "
                     + "from person p left join child c on c.child_id = p.person_id");
             PreparedStatement names = connection.prepareStatement(
                     "insert into person_name (person_id, word, normalised, phonetic, phonetic_alt) values (?, ?, ?, ?, ?)");
             PreparedStatement address = connection.prepareStatement(
                     "update person set address_lines = ? where person_id = ?")) {
            while (people.next()) {
                String personId = people.getString(1);
                List<String> all = new ArrayList<>();
                all.add(people.getString(2));
                all.add(people.getString(3));
                for (PersonNames.Key key : PersonNames.keys(all)) {
                    names.setString(1, personId);
                    names.setString(2, key.word());
                    names.setString(3, key.normalised());
                    names.setString(4, key.phonetic());
                    names.setString(5, key.phoneticAlt());
                    names.addBatch();
                }
                String line = people.getString(4);
                if (line != null && !line.isBlank()) {
                    address.setString(1, JSON.writeValueAsString(List.of(line)));
                    address.setString(2, personId);
                    address.addBatch();
                }
            }
            names.executeBatch();
            address.executeBatch();
        }
    }
}
