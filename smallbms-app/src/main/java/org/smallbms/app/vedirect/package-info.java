/**
 * VE.Direct (issue 19): the device as a Victron battery monitor on a serial line or a TCP port. HEX frames
 * ({@link org.smallbms.app.vedirect.HexFrame}: {@code ':'}, a command nibble, the payload in uppercase hex, a check
 * byte that makes the sum 0x55, a newline) answered one session per connection
 * ({@link org.smallbms.app.vedirect.HexSession}); the register table ({@link org.smallbms.app.vedirect.Registers})
 * says which device value or setting each register is, in the register's own unit (0.01 V, 0.1 A, 0.01 %, 0.1 Ah,
 * 0.01 K, minutes), with the register's "not available" value where the device has none; TEXT blocks
 * ({@link org.smallbms.app.vedirect.TextBlock}) once a wall second between HEX exchanges. Current is positive when
 * charging. See docs/vedirect.md.
 *
 * <p>Depends on the runtime's snapshot and request queue and the core's commands and settings; never on another
 * front end (the web app, the CLI, Instant Readout, MQTT). Every change goes through the device's one queue, so the
 * core's checks apply to it as to any other.
 */
package org.smallbms.app.vedirect;
