package io.integrator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class NoDelaySocketFactoryTest {
  @Test
  void everySocketItMakesHasNagleOff() throws Exception {
    NoDelaySocketFactory factory = new NoDelaySocketFactory();
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket unconnected = factory.createSocket();
        Socket connected = factory.createSocket(InetAddress.getLoopbackAddress(),
            server.getLocalPort())) {
      assertThat(unconnected.getTcpNoDelay()).isTrue();
      assertThat(connected.getTcpNoDelay()).isTrue();
    }
  }

  @Test
  void theSharedRootClientUsesIt() {
    assertThat(ClientCache.defaultRoot().socketFactory()).isInstanceOf(NoDelaySocketFactory.class);
  }
}
