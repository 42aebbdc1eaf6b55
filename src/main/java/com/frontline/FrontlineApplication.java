package com.frontline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FrontlineApplication {

    public static void main(String[] args) {
        SpringApplication.run(FrontlineApplication.class, args);
    }
}
