package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SectionRows.each;
import static com.calcomalt.allinone.importing.SectionRows.integer;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.contracts.identity.AccountLinked;
import com.calcomalt.contracts.identity.AccountTokensImported;
import com.calcomalt.contracts.identity.UserIds;
import com.calcomalt.platform.secrets.SecretBox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * cal.com's accounts of identity providers linked to users (Google, SAML), so that who signs in with one
 * finds their user. The provider's own tokens (access_token, refresh_token, id_token) come along sealed with
 * our SecretBox, as other secrets are, so no credential rests readable in the event store; the row keeps them
 * as cal.com's does. Nothing here uses them: signing in asks the provider again.
 */
@Component
@Order(6)
class AccountImport implements ImportSection {

    private final SecretBox secrets;

    AccountImport(SecretBox secrets) {
        this.secrets = secrets;
    }

    @Override
    public Result read(Connection source, Imported imported) throws SQLException {
        List<Pending> events = new ArrayList<>();
        List<RuleBreak> breaks = new ArrayList<>();
        each(source, """
                select id, "userId", type, provider, "providerAccountId", "providerEmail", scope, refresh_token,
                       access_token, expires_at, token_type, id_token, session_state
                from "Account" order by id""", row -> {
            String id = row.getString("id");
            int userId = row.getInt("userId");
            Instant registered = imported.userRegisteredAt().get(userId);
            if (registered == null) {
                breaks.add(new RuleBreak("Account", id, "user " + userId + " is not imported"));
                return;
            }
            if (row.getString("type").isBlank() || row.getString("provider").isBlank()
                    || row.getString("providerAccountId").isBlank()) {
                breaks.add(new RuleBreak("Account", id, "a linked account names its type, provider and the"
                        + " provider's account id"));
                return;
            }
            // cal.com keeps no time of linking: the user's registration is the earliest it can be.
            events.add(new Pending("User", UserIds.aggregateId(userId), new AccountLinked(id, userId,
                    row.getString("type"), row.getString("provider"), row.getString("providerAccountId"),
                    row.getString("providerEmail"), row.getString("scope"), registered), registered));
            Integer expiresAt = integer(row, "expires_at");
            if (row.getString("refresh_token") != null || row.getString("access_token") != null || expiresAt != null
                    || row.getString("token_type") != null || row.getString("id_token") != null
                    || row.getString("session_state") != null) {
                events.add(new Pending("User", UserIds.aggregateId(userId), new AccountTokensImported(id, userId,
                        secrets.seal(row.getString("refresh_token")), secrets.seal(row.getString("access_token")),
                        expiresAt, row.getString("token_type"), secrets.seal(row.getString("id_token")),
                        row.getString("session_state")), registered));
            }
        });
        int rows = (int) events.stream().filter(e -> e.payload() instanceof AccountLinked).count();
        return new Result(Map.of("Account", rows), events, breaks, List.of(), Map.of());
    }
}
