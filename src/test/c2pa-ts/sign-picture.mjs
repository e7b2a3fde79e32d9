// Signs a JPEG or PNG with c2pa-ts (a C2PA implementation not written by Kinora), to give Kinora's
// reader a picture whose credentials another tool wrote. Usage:
//   node sign-picture.mjs in.jpg out.jpg key.pk8.der cert.der [chain.der...]
import { readFile, writeFile } from 'node:fs/promises';
import { X509Certificate } from '@peculiar/x509';
import { JPEG, PNG } from '@trustnxt/c2pa-ts/asset';
import { CoseAlgorithmIdentifier, LocalSigner } from '@trustnxt/c2pa-ts/cose';
import {
    ActionAssertion,
    ClaimVersion,
    DataHashAssertion,
    DigitalSourceType,
    ManifestStore,
} from '@trustnxt/c2pa-ts/manifest';

const [input, output, keyFile, certFile, ...chainFiles] = process.argv.slice(2);
const bytes = await readFile(input);
const format = JPEG.canRead(bytes) ? JPEG : PNG;
const asset = new format(bytes);
const signer = new LocalSigner(
    await readFile(keyFile),
    CoseAlgorithmIdentifier.ES256,
    new X509Certificate(await readFile(certFile)),
    await Promise.all(chainFiles.map(async f => new X509Certificate(await readFile(f)))),
);

const store = new ManifestStore();
const manifest = store.createManifest({
    claimVersion: ClaimVersion.V2,
    assetFormat: asset.mimeType,
    instanceID: 'xmp:iid:' + crypto.randomUUID(),
    defaultHashAlgorithm: 'SHA-256',
    signer,
});
const actions = new ActionAssertion();
actions.actions = [
    { action: 'c2pa.created', digitalSourceType: DigitalSourceType.TrainedAlgorithmicMedia },
];
manifest.addAssertion(actions);
const dataHash = DataHashAssertion.create('SHA-256');
manifest.addAssertion(dataHash);

await asset.ensureManifestSpace(store.measureSize());
await dataHash.updateWithAsset(asset);
await manifest.sign(signer);
await asset.writeManifestJUMBF(store.getBytes());
await writeFile(output, await asset.getDataRange());
