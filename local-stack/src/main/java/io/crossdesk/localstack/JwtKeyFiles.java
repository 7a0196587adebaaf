package io.crossdesk.localstack;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The RSA key pair that signs local development tokens (gateway, private key) and verifies them
 * (every service, public key), as PEM files in the formats the conventions name.
 */
public final class JwtKeyFiles {

  public static final String PRIVATE_KEY_FILE = "jwt-private.pem";
  public static final String PUBLIC_KEY_FILE = "jwt-public.pem";

  private JwtKeyFiles() {}

  /**
   * Writes a new RSA 2048 key pair into {@code directory} unless both files already exist, so
   * tokens minted before a restart stay valid.
   *
   * @return true if new keys were written
   */
  public static boolean writeIfAbsent(Path directory) throws IOException {
    Path privateKey = directory.resolve(PRIVATE_KEY_FILE);
    Path publicKey = directory.resolve(PUBLIC_KEY_FILE);
    if (Files.exists(privateKey) && Files.exists(publicKey)) {
      return false;
    }
    Files.createDirectories(directory);
    KeyPair pair = generate();
    // getEncoded() gives PKCS#8 for an RSA private key and SubjectPublicKeyInfo for a public key.
    writePrivate(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    return true;
  }

  static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM supports RSA", e);
    }
  }

  private static void writePrivate(Path file, String content) throws IOException {
    Files.deleteIfExists(file);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.writeString(file, content);
  }
}
