package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SectionRows.each;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.contracts.identity.UserIds;
import com.calcomalt.contracts.identity.UserPasswordChanged;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * cal.com's passwords, kept as the bcrypt hashes cal.com made: our User checks a password with bcrypt against
 * the hash it holds, whatever its cost, so users keep logging in with the passwords they have. A hash is never
 * made again here: the passwords are not known.
 */
@Component
@Order(5)
class UserPasswordImport implements ImportSection {

    /** The rule our User keeps for every hash it is given (UserRules.requireBcrypt). */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");

    @Override
    public Result read(Connection source, Imported imported) throws SQLException {
        List<Pending> events = new ArrayList<>();
        List<RuleBreak> breaks = new ArrayList<>();
        each(source, "select \"userId\", hash from \"UserPassword\" order by \"userId\"", row -> {
            int userId = row.getInt("userId");
            String hash = row.getString("hash");
            Instant registered = imported.userRegisteredAt().get(userId);
            if (registered == null) {
                breaks.add(new RuleBreak("UserPassword", userId, "user " + userId + " is not imported"));
                return;
            }
            if (!BCRYPT.matcher(hash).matches()) {
                breaks.add(new RuleBreak("UserPassword", userId, "not a bcrypt hash: a password is kept as a"
                        + " bcrypt hash only"));
                return;
            }
            // cal.com keeps no time of a password's change: the user's registration is the earliest it can be.
            events.add(new Pending("User", UserIds.aggregateId(userId), new UserPasswordChanged(userId, hash,
                    registered), registered));
        });
        return new Result(Map.of("UserPassword", events.size()), events, breaks, List.of(), Map.of());
    }
}
