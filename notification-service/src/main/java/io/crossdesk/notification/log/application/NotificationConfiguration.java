package io.crossdesk.notification.log.application;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

  /** The built-in SMS gateway client, unless the application declares its own provider. */
  @Bean
  @ConditionalOnMissingBean(SmsProvider.class)
  SmsProvider httpSmsProvider(NotificationProperties properties) {
    return new HttpSmsProvider(properties);
  }

  /**
   * The threads that wait for the mail server and the SMS gateway. On shutdown the tries in flight
   * may end and record their outcomes ({@link #notificationSendingShutdown}).
   */
  @Bean(destroyMethod = "")
  ExecutorService notificationSending(NotificationProperties properties) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads =
        runnable -> {
          Thread thread = new Thread(runnable, "notification-sender-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    return Executors.newFixedThreadPool(properties.senderThreads(), threads);
  }

  /** Lets the tries in flight end, for at most five seconds, before the threads are stopped. */
  @Bean
  DisposableBean notificationSendingShutdown(
      @Qualifier("notificationSending") ExecutorService sending) {
    return () -> {
      sending.shutdown();
      if (!sending.awaitTermination(5, TimeUnit.SECONDS)) {
        sending.shutdownNow();
      }
    };
  }
}
