/**
 * Cell parameters from lab data: {@link org.smallbms.sim.cell.fit.CellFit} estimates the dynamic figures of one
 * temperature from a dynamic test by least squares on the replayed cell, {@link org.smallbms.sim.cell.fit.FitFile}
 * writes them into a parameter file one temperature at a time, and {@link org.smallbms.sim.cell.fit.EscImport}
 * turns an ESCtoolbox model (a MATLAB .mat file) into a parameter file.
 *
 * <p>Units as in {@code org.smallbms.sim.cell}: SI doubles with the unit in the name; current positive when charging.
 *
 * <p>Depends on the cell package, Jackson, Hipparchus (the least-squares optimiser) and MFL (the .mat reader); not
 * on the core, the rest of the simulation or the app.
 */
package org.smallbms.sim.cell.fit;
