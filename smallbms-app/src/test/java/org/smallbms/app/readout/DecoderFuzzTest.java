package org.smallbms.app.readout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * IR-01, bad input: the decoder given random bytes, mutated vectors and random text answers with a reading or its
 * own {@link ReadoutException}, never another exception, whatever it is given.
 */
class DecoderFuzzTest {

    private static final int TRIES = 10_000;
    private static final HexFormat HEX = HexFormat.of();
    /** Published advertisements with their keys (vectors 1.12.1 and 1.12.4). */
    private static final List<String[]> VECTORS = List.of(
            new String[] {"a1b2c3d4e5f60718293a4b5c6d7e8f90", "1000e7a30a3412a158276d809e600cf0978d942957bf49b0"},
            new String[] {"aff4d0995b7d1e176c0c33ecb9e70dcd", "100289a302b040af925d09a4d89aa0128bdef48c6298a9"},
            new String[] {"aff4d0995b7d1e176c0c33ecb9e70dcd", "100289a30d787fafde83ccec982199fd815286"},
            new String[] {"adeccb947395801a4dd45a2eaa44bf17", "100242a0016207adceb37b605d7e0ee21b24df5c"},
            new String[] {"64ba49f1a8562e45197a8e1fe50d7658", "1000c0a304121d64ca8d442b90bbdf6a8cba"},
            new String[] {"c129cf8f75c3fe5a1655b481e205fb7d", "100030a308f926c1b5170a0d2280335bf12d5ed083"},
            new String[] {"346c410e8c824dd723c0f5b13b9eabc8", "100043a40bf4e434af0e46c3b8eb68e08e616993f70c"},
            new String[] {"fac570d66380b797a5b7543758be00e4", "1080b0a3093523fadedea38b1af8bcbde91ca8b6dbb60e"},
            new String[] {"da3f5fa2860cb1cf86ba7a6d1d16b9dd", "100380270c1252dad26f0b8eb39162074d140df410"});

    /** A vector's bytes with one of: bytes changed, cut short, bytes added, the header's type or key byte set. */
    record Mutated(ReadoutKey key, byte[] bytes) {
    }

    @Provide
    Arbitrary<Mutated> mutatedVectors() {
        Arbitrary<String[]> vector = Arbitraries.of(VECTORS);
        return Combinators.combine(vector, Arbitraries.integers().between(0, 4), Arbitraries.integers()
                .between(0, 40), Arbitraries.bytes())
                .as((v, how, at, value) -> new Mutated(key(v[0]), mutate(HEX.parseHex(v[1]), how, at, value)));
    }

    private static ReadoutKey key(String hex) {
        return new ReadoutKey(HEX.parseHex(hex));
    }

    private static byte[] mutate(byte[] bytes, int how, int at, byte value) {
        int index = at % bytes.length;
        return switch (how) {
            case 0 -> {
                bytes[index] = value;
                yield bytes;
            }
            case 1 -> Arrays.copyOf(bytes, index);
            case 2 -> {
                byte[] longer = Arrays.copyOf(bytes, bytes.length + 1 + at);
                Arrays.fill(longer, bytes.length, longer.length, value);
                yield longer;
            }
            case 3 -> {
                bytes[4] = value;
                yield bytes;
            }
            default -> {
                bytes[Container.HEADER_BYTES - 1] = value;
                yield bytes;
            }
        };
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        Arbitrary<byte[]> any = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(48);
        // Most random bytes fail at byte 0; a third start as a product advertisement to reach the records.
        Arbitrary<byte[]> advertisement = any.map(b -> {
            if (b.length > 0) {
                b[0] = Container.PRODUCT_ADVERTISEMENT;
            }
            return b;
        });
        return Arbitraries.oneOf(any, advertisement, advertisement);
    }

    @Provide
    Arbitrary<ReadoutKey> keys() {
        return Arbitraries.bytes().array(byte[].class).ofSize(ReadoutKey.BYTES).map(ReadoutKey::new);
    }

    /** Decodes, and says which way it went; fails the property on any other exception. */
    private static String decode(ReadoutKey key, byte[] bytes) {
        try {
            Decoder.decode(key, bytes).toJson();
            Decoder.decodeBms(key, bytes);
            return "read";
        } catch (ReadoutException e) {
            assertThat(e.getMessage()).isNotBlank();
            return "refused";
        }
    }

    @Property(tries = TRIES)
    @Label("IR-01 random bytes: a reading or the decoder's own error, never another exception")
    void randomBytes_onlyTheDecodersError(@ForAll("randomBytes") byte[] bytes, @ForAll("keys") ReadoutKey key) {
        // A random key matches the header's key byte now and then; match it on purpose half the time.
        byte[] matched = bytes.clone();
        if (matched.length >= Container.HEADER_BYTES) {
            matched[Container.HEADER_BYTES - 1] = (byte) key.checkByte();
        }
        Statistics.label("random").collect(decode(key, bytes));
        Statistics.label("random, key byte matched").collect(decode(key, matched));
    }

    @Property(tries = TRIES)
    @Label("IR-01 mutated published vectors: a reading or the decoder's own error, never another exception")
    void mutatedVectors_onlyTheDecodersError(@ForAll("mutatedVectors") Mutated mutated) {
        Statistics.label("mutated").collect(decode(mutated.key(), mutated.bytes()));
    }

    @Property(tries = TRIES)
    @Label("IR-01 random text as an advertisement or a key: parsed, or the decoder's own error")
    void randomText_onlyTheDecodersError(@ForAll String text) {
        try {
            Container.parseHex(text);
        } catch (ReadoutException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        try {
            ReadoutKey.parse(text);
        } catch (ReadoutException e) {
            assertThat(e.getMessage()).doesNotContain(text.isBlank() ? "\u0000" : text);
        }
    }
}
