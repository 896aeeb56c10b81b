package io.popoto.sql.codec;

/** A GeoField value: Popoto stores [latitude, longitude], latitude first (spec 3.4). */
public record GeoPoint(double latitude, double longitude) {}
