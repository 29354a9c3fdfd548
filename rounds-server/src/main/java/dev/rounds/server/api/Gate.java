package dev.rounds.server.api;

import dev.rounds.server.web.Access;
import dev.rounds.server.web.ApiError;
import dev.rounds.server.web.Endpoint;
import dev.rounds.server.web.TokenBuckets;
import dev.rounds.storage.Role;
import dev.rounds.storage.RoundsStore;
import dev.rounds.storage.User;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.util.Optional;

/**
 * Checks who calls a user endpoint before its handler runs: resolves the session (bearer token or
 * cookie), answers 401 without one and 403 for a role that may not call it, and rate-limits
 * per client address.
 */
public final class Gate {
    /** The session cookie's name. */
    public static final String SESSION_COOKIE = "rounds_session";
    private static final String USER_ATTRIBUTE = "rounds.user";

    private final RoundsStore store;
    private final Clock clock;
    private final TokenBuckets clientLimits;

    /** A gate over the store's sessions. */
    public Gate(RoundsStore store, Clock clock, TokenBuckets clientLimits) {
        this.store = store;
        this.clock = clock;
        this.clientLimits = clientLimits;
    }

    /** The endpoint's handler behind this gate; device endpoints check their own credentials. */
    public Handler guard(Endpoint endpoint) {
        Access access = endpoint.access();
        if (access == Access.DEVICE) {
            return endpoint.handler();
        }
        return ctx -> {
            if (!clientLimits.tryTake(ctx.ip())) {
                throw ApiError.tooManyRequests("too many requests from " + ctx.ip(), clientLimits.retryAfterSeconds());
            }
            if (access != Access.PUBLIC) {
                User user = sessionUser(ctx).orElseThrow(
                        () -> ApiError.unauthorized("log in: send 'Authorization: Bearer <token>' from POST /api/v1/login"));
                requireRole(access, user);
                ctx.attribute(USER_ATTRIBUTE, user);
            }
            endpoint.handler().handle(ctx);
        };
    }

    private static void requireRole(Access access, User user) {
        boolean allowed = switch (access) {
            case ADMIN -> user.role() == Role.ADMIN;
            case STAFF -> user.role() == Role.ADMIN || user.role() == Role.SUPERVISOR;
            case PATROLLER -> user.patrollerId() != null;
            default -> true;
        };
        if (!allowed) {
            throw ApiError.forbidden(access == Access.PATROLLER
                    ? "only a patroller does this from their phone: sign in as a user with role patroller"
                    : "role " + user.role().code() + " may not do this");
        }
    }

    /** The user of the session a request carries, if any and not expired. */
    Optional<User> sessionUser(Context ctx) {
        return store.sessionUser(sessionToken(ctx), clock.instant());
    }

    /** The session token of a request: bearer header first, then cookie. */
    static String sessionToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return ctx.cookie(SESSION_COOKIE);
    }

    /** The user the gate let in. */
    public static User user(Context ctx) {
        User user = ctx.attribute(USER_ATTRIBUTE);
        if (user == null) {
            throw new IllegalStateException("handler behind no user gate asked for the user");
        }
        return user;
    }
}
