package vn.khuyenhoc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class KhuyenhocApplication {

    public static void main(String[] args) {
        SpringApplication.run(KhuyenhocApplication.class, args);
    }
}
