/**
 * The web front end: an HTTP server (Javalin) serving the web app's pages from the jar and the JSON API under
 * {@code /api} that they use (docs/web.md, the OpenAPI document {@code openapi.yaml} beside this package). It takes
 * the device from {@link org.smallbms.app.device.Device} and builds none of its own: reads come from the latest
 * snapshot ({@link org.smallbms.app.web.DeviceViews}, {@link org.smallbms.app.web.WorldPanel}), changes go to the
 * control loop and are answered once applied ({@link org.smallbms.app.web.Changes}), events and the status reach
 * open pages over server-sent events ({@link org.smallbms.app.web.Stream}), and a change to the device needs a
 * session opened with the PIN ({@link org.smallbms.app.web.PinGuard}).
 */
package org.smallbms.app.web;
