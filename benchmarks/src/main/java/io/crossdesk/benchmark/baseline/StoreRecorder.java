package io.crossdesk.benchmark.baseline;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import org.bson.Document;

/**
 * Switches the store's command recording on and off, through the driver like any command. Only the
 * local stack's store records (local-stack's {@code RecordingBackend}); any other
 * MongoDB-compatible server answers that it does not know the command.
 */
public final class StoreRecorder {

  static final String COMMAND = "crossdeskRecording";

  private final MongoDatabase admin;
  private String unavailable;

  public StoreRecorder(MongoClient client) {
    this.admin = client.getDatabase("admin");
  }

  /** Whether the store records commands; if not, {@link #whyNot} says why. */
  public boolean available() {
    try {
      admin.runCommand(new Document(COMMAND, "status"));
      return true;
    } catch (MongoCommandException e) {
      unavailable = "the store does not record commands (" + e.getErrorMessage() + ")";
    } catch (MongoException e) {
      unavailable = "the store did not answer (" + e.getMessage() + ")";
    }
    return false;
  }

  public String whyNot() {
    return unavailable;
  }

  /**
   * Starts recording into {@code file}, on the store's machine. With {@code snapshot}, the
   * recording begins with every document the store holds, so that a replay starts from the same
   * data. Answers the file and the setup written.
   */
  public Document start(Path file, boolean snapshot) {
    return admin.runCommand(
        new Document(COMMAND, "start")
            .append("file", file.toString())
            .append("snapshot", snapshot));
  }

  /** Stops recording; answers the file and the commands recorded. */
  public Document stop() {
    return admin.runCommand(new Document(COMMAND, "stop"));
  }
}
