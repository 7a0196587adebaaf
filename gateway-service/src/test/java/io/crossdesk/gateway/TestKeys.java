package io.crossdesk.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * RSA key pairs generated once per test run. The trusted pair is written to PEM files in the
 * formats the local stack uses, so the gateway reads them exactly as it would in production; the
 * foreign pair signs tokens the gateway must reject.
 */
public final class TestKeys {

  public static final KeyPair TRUSTED = generate();
  public static final KeyPair FOREIGN = generate();
  public static final Path PUBLIC_PEM;
  public static final Path PRIVATE_PEM;

  static {
    try {
      Path dir = Files.createTempDirectory("crossdesk-gateway-keys");
      PUBLIC_PEM =
          write(dir.resolve("jwt-public.pem"), "PUBLIC KEY", TRUSTED.getPublic().getEncoded());
      PRIVATE_PEM =
          write(dir.resolve("jwt-private.pem"), "PRIVATE KEY", TRUSTED.getPrivate().getEncoded());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private TestKeys() {}

  public static RSAPublicKey publicKey(KeyPair pair) {
    return (RSAPublicKey) pair.getPublic();
  }

  public static RSAPrivateKey privateKey(KeyPair pair) {
    return (RSAPrivateKey) pair.getPrivate();
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path write(Path file, String type, byte[] der) throws IOException {
    String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    String pem = "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    Files.writeString(file, pem, StandardCharsets.US_ASCII);
    file.toFile().deleteOnExit();
    file.getParent().toFile().deleteOnExit();
    return file;
  }
}
