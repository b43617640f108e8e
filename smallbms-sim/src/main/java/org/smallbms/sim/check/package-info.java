/**
 * The system check: a design (a scenario's bank, components and wiring) against the manuals before anything is
 * wired: Appendix A's cables and Cyrixes and the Bat+ fuse of §6 (SYS-01), the outputs' current budget (OUT-02,
 * OUT-04), the batteries' current limits (SYS-04, §4.1), compatibility (CLS-01, §2.1) and bank size (TOP-03), the
 * residual drain (SYS-05). Each finding has a severity, the rule, the manual section, what is wrong and the fix.
 * Pure: depends on the core and the simulation's components and scenarios.
 */
package org.smallbms.sim.check;
