package dev.rounds.storage;

import java.util.Arrays;
import java.util.Locale;

/** What a user may do: admins manage users, supervisors run patrols, patrollers see their own data. */
public enum Role {
    /** Manages users and everything else. */
    ADMIN,
    /** Manages patrollers, devices and shifts and sees all of them. */
    SUPERVISOR,
    /** Sees only their own devices, shifts and positions. */
    PATROLLER;

    /** The name used in the database and the API, e.g. {@code supervisor}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role for a code; says which codes exist when it is unknown. */
    public static Role fromCode(String code) {
        for (Role role : values()) {
            if (role.code().equals(code)) {
                return role;
            }
        }
        throw new StoreRefusal(StoreRefusal.Kind.INVALID, "unknown role '" + code + "', choose one of: "
                + String.join(", ", Arrays.stream(values()).map(Role::code).toList()));
    }
}
