package dev.rounds.storage;

/** Checks of the text values stored. */
final class Text {
    private Text() {
    }

    /** The value trimmed; refused when missing, blank or longer than {@code maxLength}. */
    static String required(String what, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new StoreRefusal(StoreRefusal.Kind.INVALID, what + " is required");
        }
        String trimmed = value.trim();
        if (trimmed.length() > maxLength) {
            throw new StoreRefusal(StoreRefusal.Kind.INVALID, what + " is longer than " + maxLength + " characters");
        }
        return trimmed;
    }
}
