package org.anjian.chemical.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.anjian.chemical.domain.ProductStatus;
import org.anjian.chemical.internal.EnterpriseProducts;
import org.anjian.chemical.internal.EnterpriseProducts.ProductInput;
import org.anjian.chemical.internal.EnterpriseProducts.ProductView;
import org.anjian.chemical.internal.EnterpriseProducts.Withdrawal;
import org.anjian.chemical.internal.MsdsFiles;
import org.anjian.chemical.internal.ProductCodes;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.Downloads;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** 一企一品一码: enterprise products, their QR codes, printable labels and safety data sheets. */
@RestController
@Tag(name = "chemical-products", description = "一企一品一码 (enterprise hazardous-chemical products)")
class ProductApiController {

    static final MediaType PDF = MediaType.APPLICATION_PDF;

    private final EnterpriseProducts products;
    private final ProductCodes codes;
    private final MsdsFiles msds;

    ProductApiController(EnterpriseProducts products, ProductCodes codes, MsdsFiles msds) {
        this.products = products;
        this.codes = codes;
        this.msds = msds;
    }

    /** The URL the QR code carries: this server's public label page of the code. */
    static String publicUrl(String code) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/public/chemicals/{code}").buildAndExpand(code).toUriString();
    }

    @GetMapping("/api/v1/chemical-products")
    @Operation(summary = "Products in the caller's scope, by enterprise, status and name / CAS, paged")
    PageResult<ProductView> list(@RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) ProductStatus status,
                                 @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        return products.list(CurrentUser.require(), new EnterpriseProducts.Filter(enterpriseId, status, q), PageRequest.of(page, size));
    }

    @GetMapping({"/api/v1/chemical-products/export", "/chemical-products/export.xlsx"})
    @Operation(summary = "The filtered products as .xlsx")
    void export(@RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) ProductStatus status,
                @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        var user = CurrentUser.require();
        products.list(user, new EnterpriseProducts.Filter(enterpriseId, status, q), PageRequest.of(0, 1));
        response.setContentType(ChemicalFilesApiController.XLSX.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment("一企一品.xlsx"));
        codes.exportProducts(user, new EnterpriseProducts.Filter(enterpriseId, status, q), response.getOutputStream());
    }

    @PostMapping("/api/v1/chemical-products")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a product of an enterprise (the enterprise itself or the district); it gets its public code at once")
    ProductView create(@RequestBody ProductInput body) {
        return products.create(CurrentUser.require(), body);
    }

    @GetMapping("/api/v1/chemical-products/{id}")
    @Operation(summary = "One product with its public code")
    ProductView get(@PathVariable UUID id) {
        return products.get(CurrentUser.require(), id);
    }

    @PutMapping("/api/v1/chemical-products/{id}")
    @Operation(summary = "Change an active product's name, specification, roles or duty phone (the code stays)")
    ProductView update(@PathVariable UUID id, @RequestBody ProductInput body) {
        return products.update(CurrentUser.require(), id, body);
    }

    @PostMapping("/api/v1/chemical-products/{id}/withdrawal")
    @Operation(summary = "Withdraw a product with reason and date; its code then says it is withdrawn (409 when already withdrawn)")
    ProductView withdraw(@PathVariable UUID id, @RequestBody(required = false) Withdrawal body) {
        return products.withdraw(CurrentUser.require(), id, body);
    }

    @GetMapping(value = {"/api/v1/chemical-products/{id}/qr.png", "/chemical-products/{id}/qr.png"}, produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "The QR code (PNG) that opens the product's public label page")
    ResponseEntity<byte[]> qr(@PathVariable UUID id) {
        ProductView p = products.get(CurrentUser.require(), id);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment("二维码-" + p.code() + ".png"))
                .body(codes.qrPng(publicUrl(p.code())));
    }

    @GetMapping(value = {"/api/v1/chemical-products/{id}/label.pdf", "/chemical-products/{id}/label.pdf"}, produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "A printable safety label (PDF, 100 × 150 mm) with the QR code")
    ResponseEntity<byte[]> label(@PathVariable UUID id) {
        ProductView p = products.get(CurrentUser.require(), id);
        return ResponseEntity.ok().contentType(PDF).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment("安全标签-" + p.productName() + ".pdf"))
                .body(codes.labelPdf(p.code(), publicUrl(p.code())));
    }

    @PostMapping(value = "/api/v1/chemical-products/{id}/msds", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload the product's safety data sheet: PDF by content, at most 10 MB")
    Object uploadMsds(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file) throws IOException {
        return msds.uploadForProduct(CurrentUser.require(), id, file == null ? null : file.getOriginalFilename(), bytes(file));
    }

    @GetMapping(value = {"/api/v1/chemical-products/{id}/msds", "/chemical-products/{id}/msds.pdf"}, produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The product's safety data sheet (its own, else its chemical's)")
    ResponseEntity<byte[]> msds(@PathVariable UUID id) {
        return pdf(msds.ofProduct(CurrentUser.require(), id));
    }

    static byte[] bytes(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return null;
        }
        if (file.getSize() > MsdsFiles.MAX_BYTES) {
            throw DomainException.invalid("file", "chemical.msds.tooLarge", "MSDS 文件不能超过 10 MB");
        }
        return file.getBytes();
    }

    static ResponseEntity<byte[]> pdf(MsdsFiles.MsdsFile f) {
        return ResponseEntity.ok().contentType(PDF).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(f.fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")
                        ? f.fileName() : f.fileName() + ".pdf"))
                .header("X-Content-Type-Options", "nosniff").body(f.content());
    }

}
