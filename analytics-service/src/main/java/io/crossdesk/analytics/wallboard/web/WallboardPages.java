package io.crossdesk.analytics.wallboard.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The wallboard page at /wallboard/, and its charting library (Apache ECharts, from its webjar) at
 * /wallboard/lib/: everything the page loads comes from this service, through the gateway.
 */
@Configuration(proxyBeanMethods = false)
class WallboardPages implements WebMvcConfigurer {

  static final String ECHARTS_POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/wallboard", "/wallboard/");
    registry.addViewController("/wallboard/").setViewName("forward:/wallboard/index.html");
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/wallboard/lib/**")
        .addResourceLocations(
            "classpath:/META-INF/resources/webjars/echarts/" + echartsVersion() + "/dist/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
    // The page itself is revalidated each time, so a new release shows at the next load.
    registry
        .addResourceHandler("/wallboard/**")
        .addResourceLocations("classpath:/static/wallboard/")
        .setCacheControl(CacheControl.noCache());
  }

  /** The version of the ECharts webjar on the class path, as its Maven descriptor states it. */
  static String echartsVersion() {
    try (InputStream pom = WallboardPages.class.getClassLoader().getResourceAsStream(ECHARTS_POM)) {
      if (pom == null) {
        throw new IllegalStateException("the ECharts webjar is missing: " + ECHARTS_POM);
      }
      Properties properties = new Properties();
      properties.load(pom);
      return properties.getProperty("version");
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
