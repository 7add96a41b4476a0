package vn.khuyenhoc.certificate;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.Staff;

/** Certificates as PDF downloads: a whole decision of a node, or one registration. */
@Controller
class CertificateController {

    private final CertificateService certificates;

    CertificateController(CertificateService certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/units/{id}/certificates.pdf")
    ResponseEntity<byte[]> decision(@CurrentStaff Staff staff, @PathVariable long id,
            @RequestParam(required = false) String decision, @RequestParam(required = false) String signer,
            Locale locale) {
        return pdf(certificates.decision(staff, id, decision, signer, locale), "giay-cong-nhan-" + safe(decision) + ".pdf");
    }

    @GetMapping("/registrations/{id}/certificate.pdf")
    ResponseEntity<byte[]> one(@CurrentStaff Staff staff, @PathVariable long id,
            @RequestParam(required = false) String signer, Locale locale) {
        return pdf(certificates.one(staff, id, signer, locale), "giay-cong-nhan-" + id + ".pdf");
    }

    private static ResponseEntity<byte[]> pdf(byte[] body, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /** A decision number as part of a file name: letters, digits and dashes only. */
    private static String safe(String decision) {
        String s = decision == null ? "" : java.text.Normalizer.normalize(decision, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D').replaceAll("[^A-Za-z0-9]+", "-");
        return s.isEmpty() ? "quyet-dinh" : s;
    }
}
