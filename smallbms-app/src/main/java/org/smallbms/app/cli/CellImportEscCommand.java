package org.smallbms.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.smallbms.sim.cell.fit.EscImport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code smallbms cell import-esc MODEL.mat}: an ESCtoolbox model as this simulation's parameter file, every figure
 * a table over the model's temperatures, in the ESC hysteresis convention; what the file cannot hold is listed on
 * standard error.
 */
@Command(name = "import-esc", mixinStandardHelpOptions = true,
        description = {"Write an ESCtoolbox cell model (MATLAB .mat, level 5) as a cell parameter file, with every "
                + "temperature table and \"hysteresisConvention\": \"esc\"; list what it left out on standard "
                + "error. Exit code 2 for a file that is not such a model. See docs/cell-model.md."})
public final class CellImportEscCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL.mat", description = "The ESC model, as the toolbox saves it.")
    Path mat;

    @Option(names = "--out", paramLabel = "P.json", description = "Write the file here instead of to standard output.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(mat)) {
            err.println(mat + ": no such file (or not a regular file): give the .mat file of the ESC model");
            err.flush();
            return CellReplayCommand.EXIT_BAD_INPUT;
        }
        EscImport.Result result;
        try {
            result = EscImport.read(mat);
        } catch (EscImport.EscImportException e) {
            err.println(e.getMessage());
            err.flush();
            return CellReplayCommand.EXIT_BAD_INPUT;
        }
        String json = new String(result.json(), StandardCharsets.UTF_8) + "\n";
        if (out == null) {
            spec.commandLine().getOut().print(json);
            spec.commandLine().getOut().flush();
        } else {
            try {
                Files.writeString(out, json, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("cannot write --out " + out + ": " + e.getMessage());
                err.flush();
                return CellReplayCommand.EXIT_CANNOT_WRITE;
            }
        }
        err.println("imported " + result.parameters().name() + " at " + result.parameters().capacityAmpHours()
                .celsius().length + " temperatures; left out:");
        result.leftOut().forEach(line -> err.println("  " + line));
        err.flush();
        return 0;
    }
}
