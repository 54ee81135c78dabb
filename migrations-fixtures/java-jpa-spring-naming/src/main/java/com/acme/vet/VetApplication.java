package com.acme.vet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class VetApplication {
    public static void main(String[] args) {
        SpringApplication.run(VetApplication.class, args);
    }
}
