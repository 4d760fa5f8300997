package dev.stagecraft.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PathHashTest {
    @Test
    void theStandardsExamplesHashAsPublished() {
        // FIPS 180-4's examples: "abc" (one block) and a 56-byte message (padding spills into a second block).
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HexFormat.of().formatHex(PathHash.sha256("abc".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", HexFormat.of().formatHex(
                PathHash.sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                HexFormat.of().formatHex(PathHash.sha256(new byte[0])));
    }

    @Test
    void everyLengthAroundTheBlockBoundariesHashesAsTheJdkDoes() throws Exception {
        // A history written by an earlier version is found by this hash, so it must be SHA-256 exactly.
        Random random = new Random(5);
        MessageDigest jdk = MessageDigest.getInstance("SHA-256");
        for (int length = 0; length <= 300; length++) {
            byte[] message = new byte[length];
            random.nextBytes(message);
            assertArrayEquals(jdk.digest(message), PathHash.sha256(message), "length " + length);
        }
    }
}
