/**
 * MQTT in Venus OS conventions: the device publishes itself as a {@code battery} service the way dbus-flashmq
 * publishes a GX device's D-Bus services ({@code N/<portal id>/battery/<instance>/<path>}, {@code {"value": ...}},
 * nothing retained, a keep-alive, reads and writes), and optionally Home Assistant discovery. Values are in SI units
 * as Venus publishes them (V, A, W, °C, Ah, s, kWh). Adapters read snapshots and submit commands; they never call
 * each other, and nothing here reaches into the core's state other than through a snapshot. Must not depend on the
 * web or readout packages.
 */
package org.smallbms.app.mqtt;
