package io.crossdesk.localstack;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What to run in a new JVM: a runnable jar or a main class on a class path, with JVM flags and
 * program arguments. Immutable; the {@code with...} methods append and return a new command.
 *
 * @param name a short label for log messages and errors, e.g. {@code ticket-service}
 * @param target {@code ["-jar", jar]} or {@code ["-cp", classpath, mainClass]}
 */
public record JavaCommand(
    String name, List<String> jvmFlags, List<String> target, List<String> args) {

  public JavaCommand {
    jvmFlags = List.copyOf(jvmFlags);
    target = List.copyOf(target);
    args = List.copyOf(args);
  }

  /** A Spring Boot style runnable jar, started with {@code java -jar}. */
  public static JavaCommand jar(String name, Path jar) {
    return new JavaCommand(name, List.of(), List.of("-jar", jar.toString()), List.of());
  }

  /** A main class on a class path, as {@code java -cp classpath mainClass}. */
  public static JavaCommand mainClass(String name, String classpath, String mainClass) {
    return new JavaCommand(name, List.of(), List.of("-cp", classpath, mainClass), List.of());
  }

  public JavaCommand withJvmFlags(String... flags) {
    return new JavaCommand(name, append(jvmFlags, flags), target, args);
  }

  public JavaCommand withArgs(String... moreArgs) {
    return new JavaCommand(name, jvmFlags, target, append(args, moreArgs));
  }

  /** The full command line, starting with the java executable of the JVM running this code. */
  public List<String> commandLine() {
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    line.addAll(jvmFlags);
    line.addAll(target);
    line.addAll(args);
    return line;
  }

  /** The command line for humans: a long class path is shortened to its number of entries. */
  public String describe() {
    List<String> shown = new ArrayList<>(commandLine());
    int classpath = shown.indexOf("-cp") + 1;
    if (classpath > 0 && shown.get(classpath).length() > 200) {
      int entries = shown.get(classpath).split(File.pathSeparator).length;
      shown.set(classpath, "<" + entries + " class path entries>");
    }
    return String.join(" ", shown);
  }

  private static List<String> append(List<String> list, String... more) {
    List<String> joined = new ArrayList<>(list);
    joined.addAll(List.of(more));
    return joined;
  }
}
