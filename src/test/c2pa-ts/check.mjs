// Reads a file with c2pa-ts, an implementation of C2PA written independently of Kinora, and
// prints what it found as one line of JSON: whether there is a manifest store, the validation
// codes, the active manifest's actions and ingredients.
import { readFile } from 'node:fs/promises';
import { BMFF, JPEG, PNG } from '@trustnxt/c2pa-ts/asset';
import { SuperBox } from '@trustnxt/c2pa-ts/jumbf';
import { ManifestStore, ValidationResult } from '@trustnxt/c2pa-ts/manifest';

// c2pa-ts 0.9.4 reads BMFF only when the brands say HEIF; an MP4 has the same box structure.
for (const brand of ['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'M4V ']) {
    BMFF.canReadBrands.add(brand);
}

const bytes = await readFile(process.argv[2]);
const type = [JPEG, PNG, BMFF].find(format => format.canRead(bytes));
if (!type) {
    console.log(JSON.stringify({ readable: false }));
    process.exit(0);
}
const asset = new type(bytes);
const jumbf = asset.getManifestJUMBF();
if (!jumbf) {
    console.log(JSON.stringify({ readable: true, manifest: false }));
    process.exit(0);
}

let result;
let store;
try {
    store = ManifestStore.read(SuperBox.fromBuffer(jumbf));
    result = await store.validate(asset);
} catch (e) {
    result = ValidationResult.fromError(e);
}

const active = store?.getActiveManifest();
const actions = (active?.assertions?.getActionAssertions() ?? []).flatMap(a =>
    a.actions.map(action => ({
        action: action.action,
        digitalSourceType: action.digitalSourceType,
        softwareAgent: action.softwareAgent?.name,
    })),
);
const ingredients = (active?.assertions?.assertions ?? [])
    .filter(a => a.label?.startsWith('c2pa.ingredient'))
    .map(i => ({
        title: i.title,
        relationship: i.relationship,
        instanceID: i.instanceID,
        activeManifest: i.activeManifest?.uri,
    }));
console.log(
    JSON.stringify({
        readable: true,
        manifest: true,
        valid: result.isValid,
        manifests: store?.manifests.map(m => m.label) ?? [],
        generator: active?.claim?.claimGeneratorName,
        codes: result.statusEntries.map(e => ({ code: e.code, success: e.success, explanation: e.explanation })),
        actions,
        ingredients,
    }),
);
