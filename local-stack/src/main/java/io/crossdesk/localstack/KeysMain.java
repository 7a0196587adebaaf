package io.crossdesk.localstack;

import java.io.IOException;
import java.nio.file.Path;

/** Usage: {@code KeysMain <directory>}; creates the token signing keys once. */
public final class KeysMain {

  private KeysMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: KeysMain <directory>");
      System.exit(2);
    }
    Path directory = Path.of(args[0]).toAbsolutePath();
    boolean written = JwtKeyFiles.writeIfAbsent(directory);
    System.out.println((written ? "created " : "kept existing ") + "token keys in " + directory);
  }
}
