package io.crossdesk.notification.webhook.application;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

  /**
   * The threads that wait for subscribers. Each subscriber's bulkhead lets it hold only a few, so
   * one slow subscriber leaves the others theirs.
   */
  @Bean(destroyMethod = "shutdownNow")
  ExecutorService webhookSending(WebhookProperties properties) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads =
        runnable -> {
          Thread thread = new Thread(runnable, "webhook-sender-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    return Executors.newFixedThreadPool(properties.senderThreads(), threads);
  }
}
