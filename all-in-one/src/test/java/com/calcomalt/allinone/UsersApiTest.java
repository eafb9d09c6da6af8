package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsersApiTest extends ApiTest {

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private Response createUser(String name) {
        return post("/v2/users", """
                {"email": "%s-%s@Example.com", "username": "%s-%s", "name": "%s", "timeZone": "Europe/Berlin",
                 "weekStart": "Monday", "locale": "de", "timeFormat": 24}""".formatted(name, tag, name, tag, name));
    }

    @Test
    void a_created_user_is_answered_with_201_and_reads_back_the_same_at_its_location() {
        Response created = createUser("ann");

        assertThat(created.status().value()).isEqualTo(201);
        assertThat(created.body().get("status").asText()).isEqualTo("success");
        JsonNode user = created.data();
        assertThat(user.get("email").asText()).isEqualTo("ann-" + tag + "@example.com");
        assertThat(user.get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(created.location()).isEqualTo("/v2/users/" + user.get("id").asInt());

        Response read = awaitFound(created.location());
        assertThat(read.body().get("status").asText()).isEqualTo("success");
        assertThat(read.data()).isEqualTo(user);
    }

    @Test
    void the_registration_is_stored_as_readable_json_in_the_event_store() {
        int userId = createUser("json").data().get("id").asInt();

        String payload = jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from eventstore.domain_event_entry
                where aggregate_identifier = ? and sequence_number = 0""", String.class, "user:" + userId);

        assertThat(payload).contains("\"email\":\"json-" + tag + "@example.com\"", "\"registeredAt\":\"");
    }

    @Test
    void users_are_found_by_email_in_any_letter_case() {
        int userId = createUser("finder").data().get("id").asInt();
        awaitFound("/v2/users/" + userId);

        Response found = get("/v2/users?email=FINDER-" + tag + "@EXAMPLE.com");

        assertThat(found.status().value()).isEqualTo(200);
        assertThat(found.data()).hasSize(1);
        assertThat(found.data().get(0).get("id").asInt()).isEqualTo(userId);
        assertThat(get("/v2/users?email=nobody-" + tag + "@example.com").data()).isEmpty();
    }

    @Test
    void patching_changes_only_the_fields_sent_and_the_change_reads_back() {
        int userId = createUser("pat").data().get("id").asInt();

        Response patched = patch("/v2/users/" + userId, """
                {"email": "patricia-%s@example.com", "bio": "Hello", "metadata": {"plan": "pro"}}""".formatted(tag));

        assertThat(patched.status().value()).isEqualTo(200);
        assertThat(patched.data().get("email").asText()).isEqualTo("patricia-" + tag + "@example.com");
        assertThat(patched.data().get("bio").asText()).isEqualTo("Hello");
        assertThat(patched.data().get("name").asText()).isEqualTo("pat");
        assertThat(patched.data().get("timeFormat").asInt()).isEqualTo(24);
        awaitProjectionsCaughtUp();
        assertThat(get("/v2/users/" + userId).data()).isEqualTo(patched.data());
    }

    @Test
    void locking_and_unlocking_a_user() {
        int userId = createUser("lock").data().get("id").asInt();

        assertThat(post("/v2/users/" + userId + "/lock", null).data().get("locked").asBoolean()).isTrue();
        awaitProjectionsCaughtUp();
        assertThat(get("/v2/users/" + userId).data().get("locked").asBoolean()).isTrue();

        assertThat(post("/v2/users/" + userId + "/unlock", null).data().get("locked").asBoolean()).isFalse();
        awaitProjectionsCaughtUp();
        assertThat(get("/v2/users/" + userId).data().get("locked").asBoolean()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing email          | {"username": "x-TAG"}                                                     | 400 | email
            blank email            | {"email": " ", "username": "x-TAG"}                                       | 400 | email
            malformed email        | {"email": "x-at-example.com", "username": "x-TAG"}                        | 400 | email
            unknown time zone      | {"email": "x-TAG@example.com", "username": "x-TAG", "timeZone": "Mars/Base"} | 400 | timeZone
            offset as time zone    | {"email": "x-TAG@example.com", "username": "x-TAG", "timeZone": "+02:00"} | 400 | timeZone
            week start not a day   | {"email": "x-TAG@example.com", "username": "x-TAG", "weekStart": "Funday"} | 400 | weekStart
            time format 13         | {"email": "x-TAG@example.com", "username": "x-TAG", "timeFormat": 13}     | 400 | timeFormat
            time format not number | {"email": "x-TAG@example.com", "username": "x-TAG", "timeFormat": "x"}    | 400 | timeFormat
            unknown property       | {"email": "x-TAG@example.com", "username": "x-TAG", "timezone": "UTC"}    | 400 | timezone
            bad username           | {"email": "x-TAG@example.com", "username": "x TAG!"}                      | 400 | username
            unknown provider       | {"email": "x-TAG@example.com", "username": "x-TAG", "identityProvider": "GITHUB"} | 400 | identityProvider
            """)
    void invalid_input_to_create_a_user_is_a_400_problem_naming_the_field_and_stores_nothing(
            String why, String body, int status, String field) {
        long events = storedEvents();
        long users = rows("users");

        Response response = post("/v2/users", body.replace("TAG", tag));

        assertThat(response.status().value()).as(why).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("title").asText()).isEqualTo("Bad Request");
        assertThat(response.body().get("errors").findValuesAsText("field")).contains(field);
        assertThat(storedEvents()).isEqualTo(events);
        awaitProjectionsCaughtUp();
        assertThat(rows("users")).isEqualTo(users);
    }

    @Test
    void malformed_json_is_a_400_problem_and_stores_nothing() {
        long events = storedEvents();

        Response response = post("/v2/users", "{\"email\": \"broken@example.com\", ");

        assertThat(response.status().value()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.body().get("detail").asText()).isEqualTo("The request body is not valid JSON");
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void a_duplicate_username_in_other_letters_is_a_409_problem_and_stores_nothing() {
        createUser("dup");
        long events = storedEvents();
        awaitProjectionsCaughtUp();
        long users = rows("users");

        Response response = post("/v2/users", """
                {"email": "other-%s@example.com", "username": "DUP-%s"}""".formatted(tag, tag));

        assertThat(response.status().value()).isEqualTo(409);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.body().get("detail").asText()).isEqualTo("The username 'DUP-" + tag + "' is already taken");
        assertThat(storedEvents()).isEqualTo(events);
        awaitProjectionsCaughtUp();
        assertThat(rows("users")).isEqualTo(users);
    }

    @Test
    void a_duplicate_email_is_a_409_problem() {
        createUser("twice");

        Response response = post("/v2/users", """
                {"email": "TWICE-%s@example.com", "username": "other-twice-%s"}""".formatted(tag, tag));

        assertThat(response.status().value()).isEqualTo(409);
        assertThat(response.body().get("detail").asText()).isEqualTo("The email 'twice-" + tag + "@example.com' is already taken");
    }

    @Test
    void patching_to_an_email_another_user_has_is_a_409_and_changes_nothing() {
        createUser("holder");
        int userId = createUser("taker").data().get("id").asInt();
        long events = storedEvents();

        Response response = patch("/v2/users/" + userId, """
                {"email": "holder-%s@example.com", "name": "Changed"}""".formatted(tag));

        assertThat(response.status().value()).isEqualTo(409);
        assertThat(storedEvents()).isEqualTo(events);
        awaitProjectionsCaughtUp();
        assertThat(get("/v2/users/" + userId).data().get("name").asText()).isEqualTo("taker");
    }

    @Test
    void unknown_users_are_404_problems() {
        assertThat(get("/v2/users/2000000000").status().value()).isEqualTo(404);
        Response patch = patch("/v2/users/2000000000", "{\"name\": \"x\"}");
        assertThat(patch.status().value()).isEqualTo(404);
        assertThat(patch.contentType()).isEqualTo("application/problem+json");
        assertThat(post("/v2/users/2000000000/lock", null).status().value()).isEqualTo(404);
    }

    @Test
    void an_id_that_is_not_a_positive_number_is_a_400_problem() {
        assertThat(get("/v2/users/abc").status().value()).isEqualTo(400);
        Response negative = patch("/v2/users/-4", "{}");
        assertThat(negative.status().value()).isEqualTo(400);
        assertThat(negative.body().get("errors").findValuesAsText("field")).isEqualTo(List.of("userId"));
    }

    @Test
    void finding_users_needs_an_email() {
        Response response = get("/v2/users");
        assertThat(response.status().value()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
    }
}
