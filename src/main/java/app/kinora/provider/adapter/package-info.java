/** Adapters for third-party video platforms, written from their public API documentation. */
package app.kinora.provider.adapter;
