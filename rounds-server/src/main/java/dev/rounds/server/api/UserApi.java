package dev.rounds.server.api;

import dev.rounds.server.web.Access;
import dev.rounds.server.web.ApiError;
import dev.rounds.server.web.Endpoint;
import dev.rounds.server.web.JsonBodies;
import dev.rounds.server.web.TokenBuckets;
import dev.rounds.storage.Role;
import dev.rounds.storage.RoundsStore;
import dev.rounds.storage.User;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Login, logout, the current user, and user administration under {@code /api/v1}. */
public final class UserApi {
    private final RoundsStore store;
    private final Clock clock;
    private final Duration sessionLength;
    private final boolean secureCookies;
    private final long maxBodyBytes;
    private final TokenBuckets loginLimits;

    /** The user endpoints over a store. */
    public UserApi(RoundsStore store, Clock clock, Duration sessionLength, boolean secureCookies, long maxBodyBytes,
            TokenBuckets loginLimits) {
        this.store = store;
        this.clock = clock;
        this.sessionLength = sessionLength;
        this.secureCookies = secureCookies;
        this.maxBodyBytes = maxBodyBytes;
        this.loginLimits = loginLimits;
    }

    /** The routes. */
    public List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(HandlerType.POST, "/api/v1/login", Access.PUBLIC, this::login),
                new Endpoint(HandlerType.POST, "/api/v1/logout", Access.USER, this::logout),
                new Endpoint(HandlerType.GET, "/api/v1/me", Access.USER, ctx -> ctx.json(Gate.user(ctx))),
                new Endpoint(HandlerType.GET, "/api/v1/users", Access.ADMIN, ctx -> ctx.json(store.users())),
                new Endpoint(HandlerType.POST, "/api/v1/users", Access.ADMIN, this::createUser));
    }

    private void login(Context ctx) {
        if (!loginLimits.tryTake(ctx.ip())) {
            throw ApiError.tooManyRequests("too many login attempts from " + ctx.ip(), loginLimits.retryAfterSeconds());
        }
        Requests.Login login = JsonBodies.read(ctx, maxBodyBytes, Requests.Login.class);
        User user = store.authenticateUser(login.username(), login.password())
                .orElseThrow(() -> ApiError.unauthorized("wrong username or password"));
        Instant expiresAt = clock.instant().plus(sessionLength);
        String token = store.createSession(user.id(), expiresAt);
        ctx.header("Set-Cookie", Gate.SESSION_COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + sessionLength.toSeconds() + (secureCookies ? "; Secure" : ""));
        ctx.json(Map.of("token", token, "expiresAt", expiresAt, "user", user));
    }

    private void logout(Context ctx) {
        store.deleteSession(Gate.sessionToken(ctx));
        ctx.header("Set-Cookie", Gate.SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        ctx.status(204);
    }

    private void createUser(Context ctx) {
        Requests.NewUser request = JsonBodies.read(ctx, maxBodyBytes, Requests.NewUser.class);
        User user = store.createUser(Requests.required("username", request.username()),
                Requests.required("password", request.password()), Role.fromCode(Requests.required("role", request.role())),
                request.patrollerId());
        ctx.status(201).json(user);
    }
}
