/**
 * Events: what changed, when, and why. The core returns them; the runtime logs, stores and publishes them.
 * Depends on the JDK only.
 */
package org.smallbms.core.event;
