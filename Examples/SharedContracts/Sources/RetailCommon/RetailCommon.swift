// RetailCommon: CommonV1, generated from Contracts/common/common-v1.json by the Charter build plugin.
