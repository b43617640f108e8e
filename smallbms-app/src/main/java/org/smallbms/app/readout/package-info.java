/**
 * Instant Readout (IR-01): the smallBMS NG's encrypted broadcast, and a decoder for it and for the records of other
 * Victron products. Victron's "extra manufacturer data" in the "Product Advertisement" container (0x10): a header
 * with the product id, the record type, a 16-bit nonce and the key's first byte, then the record, its fields packed
 * least significant bit first and encrypted with AES-128-CTR (the JDK's). See docs/instant-readout.md.
 *
 * <p>The codecs are pure functions from values to bytes and back ({@link org.smallbms.app.readout.BmsRecord},
 * {@link org.smallbms.app.readout.Decoder}); {@link org.smallbms.app.readout.BmsMapping} says which device value
 * goes in which field; {@link org.smallbms.app.readout.Advertiser} makes one advertisement a second of device time
 * and hands it to its sinks. Units are the record's: volts in hundredths, amps in tenths, SoC in tenths of a percent,
 * consumed Ah in tenths (0 or negative), minutes, whole degrees Celsius. Current is positive when charging.
 *
 * <p>Depends on the core's values and the runtime's snapshot; never on the web or the CLI. The key is never logged.
 */
package org.smallbms.app.readout;
