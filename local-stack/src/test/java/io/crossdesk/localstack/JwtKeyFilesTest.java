package io.crossdesk.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtKeyFilesTest {

  @TempDir Path keys;

  @Test
  void writesAnRsaKeyPairWhosePrivateKeySignsWhatThePublicKeyVerifies() throws Exception {
    assertThat(JwtKeyFiles.writeIfAbsent(keys)).isTrue();

    String privatePem = Files.readString(keys.resolve("jwt-private.pem"));
    String publicPem = Files.readString(keys.resolve("jwt-public.pem"));
    assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----\n");

    KeyFactory rsa = KeyFactory.getInstance("RSA");
    PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(der(privatePem)));
    PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(der(publicPem)));
    assertThat(((RSAPublicKey) publicKey).getModulus().bitLength()).isEqualTo(2048);

    byte[] token = "header.payload".getBytes(StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(privateKey);
    signer.update(token);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(publicKey);
    verifier.update(token);
    assertThat(verifier.verify(signature)).isTrue();
  }

  @Test
  void keepsExistingKeysSoTokensSurviveARestart() throws Exception {
    JwtKeyFiles.writeIfAbsent(keys);
    String before = Files.readString(keys.resolve("jwt-public.pem"));

    assertThat(JwtKeyFiles.writeIfAbsent(keys)).isFalse();

    assertThat(Files.readString(keys.resolve("jwt-public.pem"))).isEqualTo(before);
  }

  @Test
  void letsOnlyTheOwnerReadThePrivateKey() throws Exception {
    JwtKeyFiles.writeIfAbsent(keys);

    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(keys.resolve("jwt-private.pem"))))
        .isEqualTo("rw-------");
  }

  private static byte[] der(String pem) {
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(base64);
  }
}
