package org.anjian.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.anjian.identity.internal.AccountLockedException;
import org.anjian.identity.internal.ApiTokenService;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "auth", description = "令牌与当前用户 (tokens and the current user)")
class AuthApiController {

    private final AuthenticationManager authenticationManager;
    private final ApiTokenService tokens;
    private final DateTimeFormatter lockedUntilFormat;

    AuthApiController(AuthenticationManager authenticationManager, ApiTokenService tokens, DistrictProperties district) {
        this.lockedUntilFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(district.zone());
        this.authenticationManager = authenticationManager;
        this.tokens = tokens;
    }

    record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {
    }

    record TokenResponse(String token, Instant expiresAt) {
    }

    @PostMapping("/auth/token")
    @Operation(summary = "Exchange a username and password for a bearer token")
    ResponseEntity<?> token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        try {
            var auth = authenticationManager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
            AnjianUser user = (AnjianUser) auth.getPrincipal();
            ApiTokenService.IssuedToken issued = tokens.issue(user, http.getHeader(HttpHeaders.USER_AGENT));
            return ResponseEntity.ok(new TokenResponse(issued.token(), issued.expiresAt()));
        } catch (AccountLockedException e) {
            ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.LOCKED,
                    "账户已锁定，请于 " + lockedUntilFormat.format(e.lockedUntil()) + " 后再试 (account locked until " + e.lockedUntil() + ")");
            pd.setTitle("Locked");
            pd.setProperty("reason", "identity.locked");
            pd.setProperty("lockedUntil", e.lockedUntil().toString());
            return ResponseEntity.status(HttpStatus.LOCKED).body(pd);
        } catch (AuthenticationException e) {
            ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "用户名或密码错误 (bad credentials)");
            pd.setTitle("Unauthorized");
            pd.setProperty("reason", "identity.badCredentials");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(pd);
        }
    }

    @DeleteMapping("/auth/token")
    @Operation(summary = "Revoke the bearer token this request carries")
    ResponseEntity<Void> revoke(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        tokens.revoke(authorization.substring(7).trim(), CurrentUser.require());
        return ResponseEntity.noContent().build();
    }

    record Me(UUID id, String username, String displayName, List<String> roles, String scopeKind, UUID scopeId) {
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in user, its roles and data scope")
    Me me() {
        AnjianUser u = CurrentUser.require();
        return new Me(u.id(), u.getUsername(), u.displayName(), u.roleNames(), u.scope().kind().name(), u.scope().id());
    }
}
