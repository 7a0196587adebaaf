package io.crossdesk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/** One RSA key pair per test JVM; its public key is written where services can read it. */
public final class TestKeys {

  private static TestKeys instance;

  private final KeyPair keyPair;
  private final Path publicKeyFile;
  private final Path privateKeyFile;

  private TestKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      keyPair = generator.generateKeyPair();
      Path directory = Files.createTempDirectory("crossdesk-test-keys");
      publicKeyFile = directory.resolve("jwt-public.pem");
      privateKeyFile = directory.resolve("jwt-private.pem");
      Files.writeString(publicKeyFile, pem("PUBLIC KEY", keyPair.getPublic().getEncoded()));
      Files.writeString(privateKeyFile, pem("PRIVATE KEY", keyPair.getPrivate().getEncoded()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static synchronized TestKeys get() {
    if (instance == null) {
      instance = new TestKeys();
    }
    return instance;
  }

  public RSAPublicKey publicKey() {
    return (RSAPublicKey) keyPair.getPublic();
  }

  public RSAPrivateKey privateKey() {
    return (RSAPrivateKey) keyPair.getPrivate();
  }

  public Path publicKeyFile() {
    return publicKeyFile;
  }

  public Path privateKeyFile() {
    return privateKeyFile;
  }

  private static String pem(String label, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }
}
