/**
 * The web front end: an HTTP server (Javalin) with the JSON API under {@code /api}, reading the device's snapshots.
 * It takes the device from {@link org.smallbms.app.device.Device} and builds none of its own. So far the status
 * (UI-01); the pages, the settings, the world panel and the PIN come next (docs/web.md).
 */
package org.smallbms.app.web;
