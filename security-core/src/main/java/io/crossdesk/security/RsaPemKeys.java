package io.crossdesk.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.springframework.core.io.Resource;

/**
 * Reads the PEM files the local stack writes: an X.509 public key and a PKCS#8 private key. Plain
 * JDK code, so no extra crypto library is needed for two fixed formats.
 */
public final class RsaPemKeys {

  private RsaPemKeys() {}

  public static RSAPublicKey publicKey(Resource pem) {
    try {
      return (RSAPublicKey) rsa().generatePublic(new X509EncodedKeySpec(der(pem)));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalStateException("Not an RSA public key in X.509 PEM: " + pem, e);
    }
  }

  public static RSAPrivateKey privateKey(Resource pem) {
    try {
      return (RSAPrivateKey) rsa().generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalStateException("Not an RSA private key in PKCS#8 PEM: " + pem, e);
    }
  }

  /** The public half, recomputed from a private key that carries its CRT parameters. */
  public static RSAPublicKey publicKeyOf(RSAPrivateKey privateKey) {
    if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
      throw new IllegalStateException("The private key lacks its public exponent");
    }
    try {
      BigInteger exponent = crt.getPublicExponent();
      return (RSAPublicKey) rsa().generatePublic(new RSAPublicKeySpec(crt.getModulus(), exponent));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyFactory rsa() throws GeneralSecurityException {
    return KeyFactory.getInstance("RSA");
  }

  private static byte[] der(Resource pem) {
    try (InputStream in = pem.getInputStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      return Base64.getDecoder().decode(base64);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read key " + pem, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Not a PEM file: " + pem, e);
    }
  }
}
