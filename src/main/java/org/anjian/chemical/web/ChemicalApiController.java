package org.anjian.chemical.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.anjian.chemical.internal.ChemicalCatalogue;
import org.anjian.chemical.internal.ChemicalCatalogue.Chemical;
import org.anjian.chemical.internal.ChemicalCatalogue.ChemicalInput;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The district catalogue of chemicals (危险化学品目录, CHM-1). */
@RestController
@RequestMapping("/api/v1/chemicals")
@Tag(name = "chemicals", description = "辖区危险化学品目录 (district chemical catalogue)")
class ChemicalApiController {

    private final ChemicalCatalogue catalogue;

    ChemicalApiController(ChemicalCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    @Operation(summary = "The catalogue, searched by name, CAS or UN number and filtered by the restricted / forbidden / key-supervised flags")
    PageResult<Chemical> list(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean restricted,
                              @RequestParam(required = false) Boolean forbidden, @RequestParam(required = false) Boolean keySupervised,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return catalogue.search(CurrentUser.require(), new ChemicalCatalogue.Filter(q, restricted, forbidden, keySupervised), PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One catalogue entry")
    Chemical get(@PathVariable UUID id) {
        return catalogue.get(CurrentUser.require(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a chemical to the catalogue (district only; CAS check digit validated, unique)")
    Chemical create(@RequestBody ChemicalInput body) {
        return catalogue.create(CurrentUser.require(), body);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a catalogue entry and its flags (district only)")
    Chemical update(@PathVariable UUID id, @RequestBody ChemicalInput body) {
        return catalogue.update(CurrentUser.require(), id, body);
    }
}
