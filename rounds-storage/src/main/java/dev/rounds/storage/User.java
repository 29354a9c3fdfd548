package dev.rounds.storage;

/**
 * Someone who logs in to the API.
 *
 * @param id storage id
 * @param username login name
 * @param role what the user may do
 * @param patrollerId the patroller this user is, for role patroller; otherwise {@code null}
 */
public record User(long id, String username, Role role, Long patrollerId) {
}
