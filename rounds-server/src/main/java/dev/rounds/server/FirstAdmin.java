package dev.rounds.server;

import dev.rounds.server.config.InvalidConfigException;
import dev.rounds.storage.Role;
import dev.rounds.storage.RoundsStore;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * On the very first start (no users yet) creates the user {@code admin}, with the password from
 * {@code ROUNDS_ADMIN_PASSWORD} or, failing that, a random one printed once to the console.
 */
final class FirstAdmin {
    static final String USERNAME = "admin";
    static final String PASSWORD_VARIABLE = "ROUNDS_ADMIN_PASSWORD";

    private FirstAdmin() {
    }

    static void ensure(RoundsStore store, Map<String, String> environment, PrintStream console) {
        if (store.countUsers() > 0) {
            return;
        }
        String password = environment.get(PASSWORD_VARIABLE);
        boolean generated = password == null || password.isEmpty();
        if (generated) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        } else if (password.length() < 8) {
            throw new InvalidConfigException(PASSWORD_VARIABLE + " must have at least 8 characters");
        }
        store.createUser(USERNAME, password, Role.ADMIN, null);
        if (generated) {
            console.println("Created user '" + USERNAME + "' with password: " + password);
            console.println("This password is shown only once. Set " + PASSWORD_VARIABLE + " before the first start to choose it.");
        } else {
            console.println("Created user '" + USERNAME + "' with the password from " + PASSWORD_VARIABLE + ".");
        }
    }
}
