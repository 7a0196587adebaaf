package io.crossdesk.notification.log.application;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
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

  /** The threads that wait for the mail server and the SMS gateway. */
  @Bean(destroyMethod = "shutdownNow")
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
}
