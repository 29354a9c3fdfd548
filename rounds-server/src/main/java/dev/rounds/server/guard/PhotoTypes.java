package dev.rounds.server.guard;

/** Checks that photo bytes are what their media type says, by their first bytes. */
final class PhotoTypes {
    private PhotoTypes() {
    }

    /** True when the bytes start like an image of this type (JPEG, PNG or WebP). */
    static boolean matches(String type, byte[] bytes) {
        return switch (type) {
            case "image/jpeg" -> startsWith(bytes, 0, 0xFF, 0xD8, 0xFF);
            case "image/png" -> startsWith(bytes, 0, 0x89, 'P', 'N', 'G');
            case "image/webp" -> startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P');
            default -> false;
        };
    }

    private static boolean startsWith(byte[] bytes, int offset, int... prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[offset + i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
