package io.integrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrator.model.ResourceKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An H2 file store held by another process gives a clear "locked" error. */
class H2LockTest {
  @TempDir Path dir;

  /** Run in a child JVM: opens the store, says "ready", holds it until stdin closes. */
  public static void main(String[] args) throws Exception {
    try (ResourceStore store = Stores.h2File(Paths.get(args[0]))) {
      store.create(ResourceKind.FLOW, ResourceStoreContractTest.json("{}"));
      System.out.println("ready");
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent to close our stdin
      }
    }
  }

  @Test
  void aStoreLockedByAnotherProcessSaysSo() throws Exception {
    Path storeDir = dir.resolve(".integrator");
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), H2LockTest.class.getName(),
            storeDir.toString())
        .redirectErrorStream(true)
        .start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null && !line.equals("ready")) {
        // skip anything the child logs
      }
      assertThat(line).as("child opened the store").isEqualTo("ready");

      assertThatThrownBy(() -> Stores.h2File(storeDir))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("locked by another process")
          .hasMessageContaining(storeDir.toAbsolutePath().toString());
    } finally {
      child.getOutputStream().close();
      if (!child.waitFor(30, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
    // released: this process can open it now
    try (ResourceStore store = Stores.h2File(storeDir)) {
      assertThat(store.list(ResourceKind.FLOW)).hasSize(1);
    }
  }
}
