package org.smallbms.sim.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * The first pass over a scenario's text, token by token, before anything is bound: the line of each field and item
 * and what it holds (for messages), and the refusals a YAML parser does not make with a useful message: a field
 * written twice, a text or number too long, nesting too deep, no document or more than one, broken syntax.
 */
final class Outline {

    private final Map<String, Integer> lines;
    private final Map<String, String> found;

    private Outline(Map<String, Integer> lines, Map<String, String> found) {
        this.lines = lines;
        this.found = found;
    }

    /** Reads {@code text} through once; refuses it with the line where a check fails. */
    static Outline of(JsonFactory factory, String text, String source) throws ScenarioException {
        Map<String, Integer> lines = new HashMap<>();
        Map<String, String> found = new HashMap<>();
        Map<String, Integer> fields = new HashMap<>();
        int depth = 0;
        int documents = 0;
        int line = 0;
        try (JsonParser parser = factory.createParser(text)) {
            // Duplicates are found below, with both lines; the parser's own check would say less.
            parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                line = parser.currentTokenLocation().getLineNr();
                String pointer = parser.getParsingContext().pathAsPointer(false).toString();
                if (token == JsonToken.FIELD_NAME) {
                    requireLength(source, line, pointer, parser.getTextLength(), Scenarios.MAX_TEXT_CHARS, "a name");
                    Integer first = fields.putIfAbsent(pointer, line);
                    if (first != null) {
                        throw new ScenarioException(source, line, field(pointer), Printable.quote(
                                parser.currentName()) + " is written twice here, on line " + first + " and on line "
                                + line + ": keep one");
                    }
                }
                if (depth == 0 && token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY && ++documents > 1) {
                    throw new ScenarioException(source, line, "", "a second YAML document begins here: a file holds "
                            + "one scenario; remove the --- and what follows, or put it in a file of its own");
                }
                if (token.isScalarValue()) {
                    requireLength(source, line, pointer, parser.getTextLength(), token.isNumeric()
                            ? Scenarios.MAX_NUMBER_CHARS : Scenarios.MAX_TEXT_CHARS, token.isNumeric() ? "a number"
                            : "a text");
                }
                if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
                    found.putIfAbsent(pointer, describe(token, parser));
                }
                depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
                lines.putIfAbsent(pointer, line);
            }
        } catch (StreamConstraintsException e) {
            throw new ScenarioException(source, line, "", "maps and lists are nested more than "
                    + Scenarios.MAX_NESTING + " levels deep here; a scenario needs at most 6: check the brackets "
                    + "and the indentation");
        } catch (JsonProcessingException e) {
            throw syntax(e, source);
        } catch (IOException e) {
            throw new IllegalStateException("a scenario held in memory could not be read", e);
        }
        if (documents == 0) {
            throw noScenario(source);
        }
        return new Outline(lines, found);
    }

    /** The refusal of a file with nothing in it but comments, blank lines or an empty document. */
    static ScenarioException noScenario(String source) {
        return new ScenarioException(source, 1, "", "holds no scenario, only comments or blank lines: a scenario "
                + "has at least name and batteries, for example name: my-system and batteries: "
                + "{model: ng-12v8-100ah}");
    }

    private static void requireLength(String source, int line, String pointer, int length, int max, String what)
            throws ScenarioException {
        if (length > max) {
            throw new ScenarioException(source, line, field(pointer), what + " of " + length + " characters; at "
                    + "most " + max + " are allowed here");
        }
    }

    /**
     * A YAML syntax error: the YAML parser's problem in its own words, without its excerpt of the file, and its line
     * (where the problem was noticed, which can be a line after the mistake). Jackson's own words about YAML events
     * are replaced: they name classes, not the file.
     */
    private static ScenarioException syntax(JsonProcessingException e, String source) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String problem;
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            problem = firstLine(marked.getProblem());
            line = marked.getProblemMark() == null ? line : marked.getProblemMark().getLine() + 1;
        } else if (e.getCause() instanceof ReaderException reader) {
            problem = String.format(Locale.ROOT, "the character U+%04X is not allowed in YAML; write it as an "
                    + "escape in double quotes, or remove it", reader.getCodePoint());
        } else if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Expected a field name")) {
            problem = "a key must be a plain name, not a list or a map";
        } else {
            problem = "it cannot be parsed here";
        }
        return new ScenarioException(source, Math.max(line, 1), "", "this is not valid YAML (" + problem + "): "
                + "check the indentation, the colons and the quotes on this line and the one before");
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int end = stripped.indexOf('\n');
        return end < 0 ? stripped : stripped.substring(0, end).strip();
    }

    private static String describe(JsonToken token, JsonParser parser) throws IOException {
        return switch (token) {
            case START_OBJECT -> "a map";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "the text " + Printable.quote(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + parser.getText();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "nothing";
            default -> "a value";
        };
    }

    /** The line of each field and item, by its JSON pointer ({@code /components/0/name}). */
    Map<String, Integer> lines() {
        return lines;
    }

    /** What the value at {@code pointer} is, as a message says it ("the text "abc"", "a list"); "" if none. */
    String found(String pointer) {
        return found.getOrDefault(pointer, "");
    }

    /** The field a JSON pointer names, as messages write it: {@code /components/0/name} is components[0].name. */
    static String field(String pointer) {
        StringBuilder field = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                field.append('[').append(part).append(']');
            } else {
                field.append(field.length() == 0 ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return field.toString();
    }
}
