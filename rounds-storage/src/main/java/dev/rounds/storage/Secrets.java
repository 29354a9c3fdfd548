package dev.rounds.storage;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets and their hashes. Device and session tokens are 256 random bits, so a plain SHA-256
 * is enough to keep them useless if the database leaks and lets us look them up by hash;
 * human passwords are weak and get bcrypt.
 */
final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_PASSWORD_BYTES = 72;

    private Secrets() {
    }

    /** A fresh random token, URL-safe. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Letters and digits a person reads and types without mistakes (no I, L, O, U, 0 or 1). */
    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    /** A fresh random checkpoint code of ten characters from {@link #CODE_ALPHABET} (about 49 bits). */
    static String newCode() {
        StringBuilder code = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** A typed code as stored: upper case, without spaces or dashes. */
    static String normalCode(String typed) {
        return typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** SHA-256 of a token as 64 hex digits. */
    static String tokenHash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Compares hashes in constant time. */
    static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** A bcrypt hash of a password of 8 to 72 bytes. */
    static String passwordHash(String password, int cost) {
        int length = password.getBytes(StandardCharsets.UTF_8).length;
        if (password.length() < 8 || length > MAX_PASSWORD_BYTES) {
            throw new StoreRefusal(StoreRefusal.Kind.INVALID, "a password needs 8 to 72 bytes (bcrypt's limit)");
        }
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    /** Whether the password matches the bcrypt hash; false for passwords bcrypt cannot take. */
    static boolean passwordMatches(String password, String hash) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return false;
        }
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }
}
